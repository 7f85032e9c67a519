namespace Portal.Questions.Services;

/// <summary>The module's public addresses, app-relative, built once (docs/contracts.md, public URLs).</summary>
internal static class QuestionAddresses
{
    public const string List = "~/hoi-dap";

    public const string Submit = "~/hoi-dap/gui-cau-hoi";

    public const string Lookup = "~/hoi-dap/tra-cuu";

    public static string Answer(string slug) => "~/hoi-dap/" + Uri.EscapeDataString(slug);
}
