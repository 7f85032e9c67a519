using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Forms.Challenge;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Forms;

/// <summary>
/// The challenge without a host: one installation's keys and used-ticket memory, a clock the test
/// moves, and a challenge per site as a request scope would build it.
/// </summary>
internal sealed class FormChallengeRig : IDisposable
{
    public FormChallengeRig(int bits = 8, IDataProtectionProvider? protection = null)
    {
        Bits = bits;
        Protection = protection ?? new EphemeralDataProtectionProvider();
        Used = new UsedChallengeTickets(Clock);
    }

    public int Bits { get; }

    public ShiftableClock Clock { get; } = new();

    public IDataProtectionProvider Protection { get; }

    public UsedChallengeTickets Used { get; }

    /// <summary>The challenge of the site <paramref name="tenantId"/>, sharing this rig's keys, memory and clock.</summary>
    public IFormChallenge For(int tenantId = 1, PortalOptions? options = null)
    {
        var site = new TenantContext();
        site.Set(new Tenant { Id = tenantId, Name = "site-" + tenantId });
        options ??= new PortalOptions { Forms = { ChallengeBits = Bits } };
        return new ProofOfWorkChallenge(Protection, site, Used, Clock, Options.Create(options));
    }

    /// <summary>What <c>&lt;portal-challenge purpose="…" /&gt;</c> writes, with the given model state.</summary>
    public static string Render(IFormChallenge challenge, string purpose, HttpContext? http = null, ModelStateDictionary? modelState = null)
    {
        var helper = new FormChallengeTagHelper(challenge)
        {
            Purpose = purpose,
            ViewContext = new ViewContext
            {
                HttpContext = http ?? new DefaultHttpContext(),
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState ?? new ModelStateDictionary()),
            },
        };
        var output = new TagHelperOutput(
            "portal-challenge",
            [], // a bound attribute is not copied to the output
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([new TagHelperAttribute("purpose", purpose)], new Dictionary<object, object>(), "challenge"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public void Dispose() => Used.Dispose();
}
