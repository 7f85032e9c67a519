using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.Procedures.Models;
using Portal.Procedures.Services;

namespace Portal.Procedures;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["thu-tuc-hanh-chinh"];

    // Like the news desk: editors prepare procedures and send them for review; the board head
    // (Approver) approves, publishes, withdraws and imports in bulk, which publishes at once.
    public static readonly Permission ManageProcedures = new("ManageProcedures", "Soạn, sửa thủ tục hành chính và gửi duyệt", "Editor", "Approver");
    public static readonly Permission PublishProcedures = new("PublishProcedures", "Duyệt, công bố, gỡ, xóa và nhập hàng loạt thủ tục hành chính", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProvinceProcedureSource>();
        services.AddScoped<ProcedureCatalog>();
        services.AddScoped<ProcedureWriter>();
        services.AddScoped<IContentListFilter, ProcedureListFilter>();
        services.AddScoped<LegalBasisLinks>();
        services.AddScoped<IContentEventHandler, ProcedureCacheEviction>();
        services.AddScoped<ISitemapSource, ProcedureSitemap>();
        services.AddSearchSource<ProcedureSearch>();
        services.AddContentType<ProcedureImporter, ProcedureProjection>(new ContentTypeDefinition(
            ProcedureJson.ContentType, "Thủ tục hành chính", ProcedureJson.FeatureId, "~/admin/thu-tuc/{0}",
            new ContentTypePermissions(ManageProcedures.Name, ManageProcedures.Name, PublishProcedures.Name, PublishProcedures.Name))
        {
            FieldLabels = ProcedureFieldLabels.All,
            AdminLinks = [("Thêm thủ tục", "~/admin/thu-tuc/create", null), ("Nhập từ tệp", "~/admin/thu-tuc/import", PublishProcedures.Name)],
            PublicPath = "~/thu-tuc-hanh-chinh/{slug}",
            // Their source of record is a national database (văn bản pháp luật, thủ tục hành chính):
            // a connected system publishes what it sends, as the recipes and uploads do.
            ApiWrites = ContentApiWrites.Publish,
        });
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ProceduresModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageProcedures, PublishProcedures];

    public override IEnumerable<MenuEntry> MainMenu => [new("Thủ tục hành chính", "~/thu-tuc-hanh-chinh", 40)];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Thủ tục hành chính", "~/admin/thu-tuc", 20, ManageProcedures.Name)];
}
