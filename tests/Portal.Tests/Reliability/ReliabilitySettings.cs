using System.Globalization;

namespace Portal.Tests.Reliability;

/// <summary>
/// The reliability checks of issue #12 run short in the suite and at full size from
/// tests/bench/questions.sh, which sets these variables and collects the report.
/// </summary>
internal static class ReliabilitySettings
{
    public static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>Appends the run's figures to <c>QUESTIONS_REPORT</c> when the script set it.</summary>
    public static void Report(IEnumerable<string> lines)
    {
        if (Environment.GetEnvironmentVariable("QUESTIONS_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(ReliabilitySettings))
            {
                File.AppendAllLines(path, lines);
            }
        }
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
