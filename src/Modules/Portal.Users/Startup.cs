using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Setup;
using Portal.Users.Models;
using Portal.Users.Recipes;
using Portal.Users.Services;

namespace Portal.Users;

internal sealed class Startup : ModuleStartup
{
    public const string LoginRateLimit = "login";

    public static readonly Permission ManageUsers = new("ManageUsers", "Quản lý người dùng và phân quyền của trang");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<PortalDbContext>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            // One cookie for every site under the same host: prefix sites share the sign-in.
            options.Cookie.Name = AuthCookie.Name;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/denied";
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);

            // Server-side sessions instead of Identity's interval check: every request checks that
            // the cookie's session is open and the user's security stamp unchanged (UserSessions).
            options.Events.OnSigningIn = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var stampType = StampClaim.Type(services.GetRequiredService<IOptions<IdentityOptions>>().Value);
                await services.GetRequiredService<UserSessions>().OpenAsync(context.Principal!, context.HttpContext, stampType, context.HttpContext.RequestAborted);
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is null
                    || !await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().IsValidAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        // Per-address limit on sign-in posts: guessing passwords, or locking a known administrator
        // out of every site by failing on purpose, costs an attacker time.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        services.AddScoped<UserSessions>();
        services.AddScoped<UserReach>();
        services.AddScoped<IRoleGrants, RoleGrants>();
        services.AddScoped<InheritedAdministration>();
        services.AddScoped<IPermissionGrantStore, UserPermissionStore>();
        services.AddScoped<IPermissionHolders, UserPermissionHolders>();
        services.AddScoped<AdministratorAccounts>();
        services.AddScoped<ITenantSetupStep, UsersSetupStep>();
        services.AddSingleton<IRecipeStep, RolesStep>();
        services.AddSingleton<IRecipeStep, UsersStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => UsersModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageUsers];

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Bảng điều khiển", "~/admin", 0),
        new("Người dùng", "~/admin/users", 900, ManageUsers.Name),
    ];

    /// <summary>API callers get a status code, people get the sign-in page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
