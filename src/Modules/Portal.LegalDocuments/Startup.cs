using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.LegalDocuments.Models;
using Portal.LegalDocuments.Services;

namespace Portal.LegalDocuments;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["van-ban"];

    // Legal documents are entered by the office's clerks (editors) and published by the board head:
    // a published document is an official record, so publication stays with the approver.
    public static readonly Permission ManageLegalDocuments = new("ManageLegalDocuments", "Nhập, sửa văn bản và gửi duyệt", "Editor", "Approver");
    public static readonly Permission PublishLegalDocuments = new("PublishLegalDocuments", "Duyệt, xuất bản, gỡ, xóa văn bản; nhập văn bản hàng loạt", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<LegalDocumentQueries>();
        services.AddScoped<LegalDocumentFacets>();
        services.AddScoped<LegalDocumentWriter>();
        services.AddScoped<IContentListFilter, LegalDocumentListFilter>();
        services.AddScoped<IContentReferenceResolver, LegalDocumentReferences>();
        services.AddScoped<ISitemapSource, LegalDocumentSyndication>();
        services.AddSearchSource<LegalDocumentSearch>();
        services.AddContentType<LegalDocumentImporter, LegalDocumentProjection>(new ContentTypeDefinition(
            LegalDocumentData.ContentType, "Văn bản", LegalDocumentData.FeatureId, "~/admin/van-ban/{0}",
            new ContentTypePermissions(ManageLegalDocuments.Name, ManageLegalDocuments.Name, PublishLegalDocuments.Name, PublishLegalDocuments.Name))
        {
            FieldLabels = LegalDocumentFieldLabels.All,
            AdminLinks = [("Nhập văn bản", "~/admin/van-ban/create", null), ("Nhập từ tệp", "~/admin/van-ban/import", PublishLegalDocuments.Name)],
            PublicPath = "~/van-ban/{slug}",
            // Their source of record is a national database (văn bản pháp luật, thủ tục hành chính):
            // a connected system publishes what it sends, as the recipes and uploads do.
            ApiWrites = ContentApiWrites.Publish,
        });
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => LegalDocumentsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageLegalDocuments, PublishLegalDocuments];

    public override IEnumerable<MenuEntry> MainMenu => [new("Văn bản", "~/van-ban", 30)];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Văn bản", "~/admin/van-ban", 20, ManageLegalDocuments.Name)];
}
