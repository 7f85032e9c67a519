using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Portal.Core.Modules;

namespace Portal.Core.Hosting;

/// <summary>Tags every controller of a module with the module's feature, for the feature gate.</summary>
internal sealed class FeatureControllerConvention(ModuleCatalog catalog) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (catalog.FeatureOf(controller.ControllerType.Assembly) is { } feature)
        {
            foreach (var selector in controller.Selectors)
            {
                selector.EndpointMetadata.Add(new FeatureMetadata(feature));
            }

            if (controller.Selectors.Count == 0)
            {
                controller.Selectors.Add(new SelectorModel { EndpointMetadata = { new FeatureMetadata(feature) } });
            }
        }
    }
}
