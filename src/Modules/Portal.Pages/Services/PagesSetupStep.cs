using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Setup;

namespace Portal.Pages.Services;

/// <summary>The pages every site starts with; the JSON recipes will carry richer ones.</summary>
internal sealed class PagesSetupStep : ITenantSetupStep
{
    public string FeatureId => "Portal.Pages";

    public int Order => 100;

    public async Task ExecuteAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var pages = context.Services.GetRequiredService<PageStore>();
        var name = WebUtility.HtmlEncode(context.Tenant.DisplayName);
        await pages.EnsureAsync(
            "gioi-thieu",
            "Giới thiệu",
            $"<p>{name} là cổng thông tin điện tử cung cấp thông tin chính thức về hoạt động chỉ đạo, điều hành, văn bản và thủ tục hành chính.</p>",
            cancellationToken);
        await pages.EnsureAsync(
            "lien-he",
            "Liên hệ",
            $"<p>Mọi ý kiến đóng góp xin gửi về ban biên tập {name}.</p>",
            cancellationToken);
    }
}
