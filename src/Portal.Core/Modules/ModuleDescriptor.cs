using System.Reflection;

namespace Portal.Core.Modules;

public sealed record FeatureDescriptor(string Id, string Name, string Description, IReadOnlyList<string> Dependencies, bool AlwaysEnabled, Assembly Assembly);

public sealed record ThemeDescriptor(string Name, string DisplayName, bool IsAdmin, Assembly Assembly);
