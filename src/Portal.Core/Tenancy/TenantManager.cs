using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Caching;
using Portal.Core.Modules;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Setup;

namespace Portal.Core.Tenancy;

/// <summary>
/// Creates, enables and disables sites. Provisioning is one transaction: the tenant row and
/// everything its setup writes commit together or not at all, so a failure leaves no half-made site.
/// </summary>
public sealed partial class TenantManager(
    TenantCatalog catalog,
    ModuleCatalog modules,
    RecipeCatalog recipes,
    RecipeExecutor executor,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<TenantManager> logger)
{
    public const string DemoRecipe = "demo";

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<Tenant> ProvisionAsync(TenantRequest request, bool demo = false, CancellationToken cancellationToken = default)
    {
        var writeLock = await AcquireWriteAsync(cancellationToken);
        try
        {
            var (tenant, recipe) = Validate(request);
            PreparedRecipe prepared;
            PreparedRecipe? demoRecipe;
            try
            {
                prepared = executor.Prepare(recipe, RecipeVariables(tenant, request.Variables));
                demoRecipe = demo ? executor.Prepare(recipes.Find(DemoRecipe), RecipeVariables(tenant, request.Variables)) : null;
            }
            catch (RecipeException ex)
            {
                // Found before anything ran: a request error like any other, reported on the recipe field.
                throw TenantValidationException.For("recipe", ex.Message);
            }

            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PortalDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                db.Tenants.Add(tenant);
                await SaveAsync(db, tenant, cancellationToken);
                services.GetRequiredService<TenantContext>().Set(tenant);

                await RunSetupStepsAsync(new TenantSetupContext(tenant, services), cancellationToken);
                var context = new RecipeContext(tenant, services);
                await executor.ExecuteAsync(prepared, context, cancellationToken);
                if (demoRecipe is not null)
                {
                    await executor.ExecuteAsync(demoRecipe, context, cancellationToken);
                }

                tenant.State = TenantState.Running;
                tenant.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            db.Entry(tenant).State = EntityState.Detached;
            catalog.Apply(tenant);
            LogProvisioned(logger, tenant.Name, tenant.Level, recipe.Name);
            return tenant;
        }
        finally
        {
            await writeLock.DisposeAsync();
        }
    }

    public Task<Tenant> DisableAsync(string name, CancellationToken cancellationToken = default) =>
        SetStateAsync(name, TenantState.Disabled, cancellationToken);

    public Task<Tenant> EnableAsync(string name, CancellationToken cancellationToken = default) =>
        SetStateAsync(name, TenantState.Running, cancellationToken);

    private async Task<Tenant> SetStateAsync(string name, TenantState state, CancellationToken cancellationToken)
    {
        var writeLock = await AcquireWriteAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
                ?? throw TenantValidationException.For("name", $"There is no tenant named '{name}'.");
            if (tenant.IsDefault && state == TenantState.Disabled)
            {
                throw TenantValidationException.For("name", "The default tenant (the provincial portal) cannot be disabled.");
            }

            if (tenant.State == TenantState.Uninitialized)
            {
                throw TenantValidationException.For("name", $"The tenant '{name}' has not finished its setup.");
            }

            tenant.State = state;
            tenant.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<ITenantCacheInvalidator>().InvalidateAsync(tenant.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            catalog.Apply(tenant);
            return tenant;
        }
        finally
        {
            await writeLock.DisposeAsync();
        }
    }

    /// <summary>
    /// Applies a recipe to an existing site, in one transaction: all of it or none of it. Steps are
    /// idempotent, so this is also how an update is rolled out to many sites.
    /// </summary>
    public async Task<Tenant> RunRecipeAsync(string tenantName, RecipeDocument recipe, CancellationToken cancellationToken = default)
    {
        var existing = catalog.FindByName(tenantName) ?? throw TenantValidationException.For("tenant", $"There is no tenant named '{tenantName}'.");
        var prepared = executor.Prepare(recipe, RecipeVariables(existing, new Dictionary<string, object?>()));
        var writeLock = await AcquireWriteAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PortalDbContext>();
            Tenant tenant;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                tenant = await db.Tenants.SingleAsync(t => t.Id == existing.Id, cancellationToken);
                services.GetRequiredService<TenantContext>().Set(tenant);
                await executor.ExecuteAsync(prepared, new RecipeContext(tenant, services), cancellationToken);
                tenant.UpdatedUtc = clock.GetUtcNow().UtcDateTime;

                // Settings, menu, theme or content may have changed: every process's cached pages
                // of the site go, on commit (the signal is written in this transaction).
                await services.GetRequiredService<ITenantCacheInvalidator>().InvalidateAsync(tenant.Id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            db.Entry(tenant).State = EntityState.Detached;
            catalog.Apply(tenant);
            return tenant;
        }
        finally
        {
            await writeLock.DisposeAsync();
        }
    }

    /// <summary>
    /// Deletes a disabled site and every row it owns, in one transaction. Sites with child sites
    /// cannot be removed: their children would lose their place in the tree.
    /// </summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var writeLock = await AcquireWriteAsync(cancellationToken);
        try
        {
            var tenant = catalog.FindByName(name) ?? throw TenantValidationException.For("name", $"There is no tenant named '{name}'.");
            if (tenant.IsDefault)
            {
                throw TenantValidationException.For("name", "The default tenant (the provincial portal) cannot be removed.");
            }

            if (tenant.State != TenantState.Disabled)
            {
                throw TenantValidationException.For("name", $"Disable '{name}' before removing it: only disabled sites can be removed.");
            }

            if (catalog.All.FirstOrDefault(t => t.ParentId == tenant.Id) is { } child)
            {
                throw TenantValidationException.For("name", $"'{name}' has child sites (for example '{child.Name}'); remove or move them first.");
            }

            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Set(tenant);
            var db = services.GetRequiredService<PortalDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await TenantData.DeleteAllAsync(db, cancellationToken);
                await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteDeleteAsync(cancellationToken);

                // Every node's search index forgets the site's documents (it has no items left to index).
                await services.GetRequiredService<Search.SearchQueue>().ReindexSiteAsync(tenant.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            catalog.Remove(tenant.Id);
        }
        finally
        {
            await writeLock.DisposeAsync();
        }
    }

    private static Dictionary<string, string> RecipeVariables(Tenant tenant, IDictionary<string, object?> extra)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tenant.name"] = tenant.Name,
            ["tenant.displayName"] = tenant.DisplayName,
            ["tenant.level"] = tenant.Level.ToString(),
            ["tenant.prefix"] = tenant.Prefix,
        };
        foreach (var (key, value) in extra)
        {
            variables[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        return variables;
    }

    /// <summary>
    /// One tenant write at a time: in this process (a semaphore) and across processes on
    /// PostgreSQL (an advisory lock); then the catalog is brought up to date, so that the checks
    /// for a free name, prefix and host see what other processes wrote.
    /// </summary>
    private async Task<IAsyncDisposable> AcquireWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var databaseLock = await DatabaseLock.AcquireAsync(db, DatabaseLock.Tenants, cancellationToken);
            await catalog.RefreshIfChangedAsync(db, cancellationToken);
            return new WriteLock(this, scope, databaseLock);
        }
        catch
        {
            await scope.DisposeAsync();
            _writeLock.Release();
            throw;
        }
    }

    private sealed class WriteLock(TenantManager owner, AsyncServiceScope scope, DatabaseLock databaseLock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await databaseLock.DisposeAsync();
            await scope.DisposeAsync();
            owner._writeLock.Release();
        }
    }

    private async Task RunSetupStepsAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var steps = context.Services.GetServices<ITenantSetupStep>()
            .Where(s => context.Tenant.HasFeature(s.FeatureId))
            .OrderBy(s => s.Order);
        foreach (var step in steps)
        {
            await step.ExecuteAsync(context, cancellationToken);
        }
    }

    private async Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Tenants.AnyAsync(t => t.Name == name, cancellationToken);
    }

    private async Task SaveAsync(PortalDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await NameTakenAsync(tenant.Name, cancellationToken))
            {
                // Another process created the same name between our check and our insert.
                throw TenantValidationException.For("name", $"A tenant named '{tenant.Name}' already exists.");
            }

            throw;
        }
    }

    /// <summary>Checks a request against the rules and the existing tenants; builds the row to insert.</summary>
    private (Tenant Tenant, RecipeDocument Recipe) Validate(TenantRequest request)
    {
        var errors = new Dictionary<string, string>();
        var name = request.Name?.Trim() ?? "";
        var isDefault = name == Tenant.DefaultName;
        if (TenantNames.CheckName(name) is { } nameError)
        {
            errors["name"] = nameError;
        }
        else if (catalog.FindByName(name) is not null)
        {
            errors["name"] = $"A tenant named '{name}' already exists.";
        }

        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
        {
            errors["displayName"] = "The display name is required (e.g. \"Xã Hồng Hà\").";
        }
        else if (displayName.Length > 300)
        {
            errors["displayName"] = "The display name is longer than 300 characters.";
        }

        var recipeName = request.Recipe?.Trim() is { Length: > 0 } r ? r : DefaultRecipe(request.Level);
        RecipeDocument? recipe = null;
        try
        {
            if (!request.AllowRecipeFile && !TenantNames.IsRecipeName(recipeName))
            {
                throw new RecipeException(recipeName, [$"is not the name of one of this installation's recipes ({string.Join(", ", recipes.SetupRecipes().Select(x => x.Name))})."]);
            }

            recipe = recipes.Find(recipeName);
            if (!recipe.IsSetupRecipe)
            {
                errors["recipe"] = $"The recipe '{recipeName}' is not a setup recipe. Setup recipes: {string.Join(", ", recipes.SetupRecipes().Select(x => x.Name))}.";
            }
        }
        catch (RecipeException ex)
        {
            errors["recipe"] = ex.Message;
        }

        var level = TenantLevel.Other;
        if (request.Level is { Length: > 0 } levelText)
        {
            if (!Enum.TryParse(levelText, ignoreCase: true, out level) || !Enum.IsDefined(level) || int.TryParse(levelText, out _))
            {
                errors["level"] = $"Unknown level '{levelText}'. Use one of: {string.Join(", ", Enum.GetNames<TenantLevel>())}.";
            }
        }
        else if (recipe?.Level is { } recipeLevel && Enum.TryParse<TenantLevel>(recipeLevel, ignoreCase: true, out var fromRecipe))
        {
            level = fromRecipe;
        }

        int? parentId = null;
        if (isDefault)
        {
            if (request.Parent is { Length: > 0 })
            {
                errors["parent"] = "The default tenant has no parent.";
            }
        }
        else if (request.Parent is not { Length: > 0 } parentName)
        {
            errors["parent"] = "The parent tenant is required (e.g. --parent default).";
        }
        else if (catalog.FindByName(parentName.Trim()) is not { } parent)
        {
            errors["parent"] = $"The parent tenant '{parentName}' does not exist.";
        }
        else
        {
            parentId = parent.Id;
        }

        var hosts = new List<string>();
        foreach (var host in request.Hosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct())
        {
            if (TenantNames.CheckHost(host) is { } hostError)
            {
                errors["hosts"] = hostError;
            }

            hosts.Add(host);
        }

        var prefix = (request.Prefix ?? (hosts.Count == 0 && !isDefault ? name : "")).Trim().Trim('/').ToLowerInvariant();
        if (TenantNames.CheckPrefix(prefix, modules.ReservedSegments) is { } prefixError)
        {
            errors["prefix"] = prefixError;
        }
        else if (!isDefault && prefix.Length == 0 && hosts.Count == 0)
        {
            errors["prefix"] = "A site other than the default needs a URL prefix or a host name to answer on.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = new Tenant
        {
            Name = name,
            DisplayName = displayName,
            Level = level,
            ParentId = parentId,
            Hosts = hosts,
            Prefix = prefix,
            State = TenantState.Uninitialized,
            CreatedUtc = now,
            UpdatedUtc = now,
        };

        if (!errors.ContainsKey("prefix") && !errors.ContainsKey("hosts")
            && catalog.All.FirstOrDefault(other => TenantResolver.Collides(other, tenant)) is { } clash)
        {
            errors[hosts.Count > 0 ? "hosts" : "prefix"] = $"The tenant '{clash.Name}' already answers on this host and prefix.";
        }

        // The always-enabled features; the recipe's feature steps add the rest as they run.
        tenant.Features = [.. modules.Expand([], out _)];

        if (errors.Count > 0)
        {
            throw new TenantValidationException(errors);
        }

        return (tenant, recipe!);
    }

    private static string DefaultRecipe(string? level) => level?.ToLowerInvariant() switch
    {
        "province" => "province",
        "department" => "department",
        "district" => "district",
        _ => "commune",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned tenant {Name} ({Level}) with recipe {Recipe}.")]
    private static partial void LogProvisioned(ILogger logger, string name, TenantLevel level, string recipe);
}
