using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>
/// Every module and theme the host loaded at start. The set is fixed for the life of the process;
/// tenants differ only in which features they enable.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, FeatureDescriptor> _features;
    private readonly Dictionary<Assembly, string> _featureByAssembly = [];

    public ModuleCatalog(IEnumerable<Assembly> assemblies)
    {
        var features = new List<FeatureDescriptor>();
        var startups = new List<ModuleStartup>();
        var themes = new List<ThemeDescriptor>();
        var moduleAssemblies = new List<Assembly>();

        foreach (var assembly in assemblies.Distinct().OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            var declared = assembly.GetCustomAttributes<FeatureAttribute>().ToList();
            var theme = assembly.GetCustomAttribute<ThemeAttribute>();
            if (theme is not null)
            {
                themes.Add(new ThemeDescriptor(theme.Name, theme.DisplayName, theme.IsAdmin, assembly));
            }

            if (declared.Count == 0)
            {
                continue;
            }

            moduleAssemblies.Add(assembly);
            foreach (var f in declared)
            {
                features.Add(new FeatureDescriptor(f.Id, f.Name.Length > 0 ? f.Name : f.Id, f.Description, f.Dependencies, f.AlwaysEnabled, assembly));
            }

            _featureByAssembly[assembly] = declared[0].Id;
            foreach (var type in assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ModuleStartup)) && !t.IsAbstract))
            {
                var startup = (ModuleStartup)Activator.CreateInstance(type, nonPublic: true)!;
                startup.FeatureId = declared[0].Id;
                startups.Add(startup);
            }
        }

        _features = features.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Features = features;
        Startups = startups;
        Themes = themes;
        ModuleAssemblies = moduleAssemblies;
        ReservedSegments = new HashSet<string>(
            Tenancy.TenantNames.KernelReserved.Concat(startups.SelectMany(s => s.ReservedSegments)),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>First URL segments no site may take as its prefix: the kernel's own and every loaded module's.</summary>
    public IReadOnlySet<string> ReservedSegments { get; }

    public IReadOnlyList<FeatureDescriptor> Features { get; }

    public IReadOnlyList<ModuleStartup> Startups { get; }

    public IReadOnlyList<ThemeDescriptor> Themes { get; }

    public IReadOnlyList<Assembly> ModuleAssemblies { get; }

    public IEnumerable<Assembly> ThemeAssemblies => Themes.Select(t => t.Assembly);

    public bool HasFeature(string id) => _features.ContainsKey(id);

    public string? FeatureOf(Assembly assembly) => _featureByAssembly.GetValueOrDefault(assembly);

    /// <summary>
    /// The requested features plus their dependencies and the always-enabled ones, in catalog order.
    /// Unknown ids are reported rather than silently dropped.
    /// </summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> requested, out IReadOnlyList<string> unknown)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        var pending = new Stack<string>(requested.Concat(Features.Where(f => f.AlwaysEnabled).Select(f => f.Id)));
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!_features.TryGetValue(id, out var feature))
            {
                missing.Add(id);
                continue;
            }

            if (result.Add(id))
            {
                foreach (var dependency in feature.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        unknown = missing;
        return Features.Select(f => f.Id).Where(result.Contains).ToList();
    }

    /// <summary>Loads every <c>Portal.*</c> assembly next to the application that declares a feature or a theme.</summary>
    public static ModuleCatalog FromApplicationDirectory()
    {
        var assemblies = new List<Assembly>();
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "Portal.*.dll"))
        {
            var name = AssemblyName.GetAssemblyName(path);
            var assembly = Assembly.Load(name);
            if (assembly.IsDefined(typeof(FeatureAttribute)) || assembly.IsDefined(typeof(ThemeAttribute)))
            {
                assemblies.Add(assembly);
            }
        }

        return new ModuleCatalog(assemblies);
    }
}
