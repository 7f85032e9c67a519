using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Contents;

public static class ContentTypeRegistration
{
    /// <summary>
    /// A module's content type in one call: its definition (the shared admin, permissions, public
    /// address), its importer (recipes, uploads, the API) and its projection (the content events of
    /// its type). Filters for the shared list and other handlers are added beside it.
    /// </summary>
    public static IServiceCollection AddContentType<TImporter, TProjection>(this IServiceCollection services, ContentTypeDefinition definition)
        where TImporter : class, IContentImporter
        where TProjection : class, IContentEventHandler
    {
        services.AddSingleton(definition);
        services.AddSingleton<TImporter>();
        services.AddSingleton<IContentImporter>(sp => sp.GetRequiredService<TImporter>());
        services.AddScoped<IContentEventHandler, TProjection>();
        return services;
    }
}
