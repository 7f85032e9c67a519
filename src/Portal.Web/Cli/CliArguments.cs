namespace Portal.Web.Cli;

/// <summary>Positional words and <c>--option value</c> pairs; an option may repeat (<c>--host a --host b</c>).</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.OrdinalIgnoreCase);

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                string value;
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    value = name[(equals + 1)..];
                    name = name[..equals];
                }
                else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = list[++i];
                }
                else
                {
                    // Every option takes a value: "--host" alone must not become a host named "true".
                    throw new CliUsageException($"option --{name} needs a value.");
                }

                if (!_options.TryGetValue(name, out var values))
                {
                    _options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Refuses options the command does not know: a misspelt --prefx must not be ignored.</summary>
    public void RequireOnly(IReadOnlyCollection<string> known)
    {
        if (_options.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new CliUsageException(known.Count == 0
                ? $"this command takes no option (got --{unknown})."
                : $"unknown option --{unknown} (this command takes: {string.Join(", ", known.Select(k => "--" + k))}).");
        }
    }
}

/// <summary>A usage mistake: reported as one line, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
