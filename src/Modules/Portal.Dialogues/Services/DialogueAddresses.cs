namespace Portal.Dialogues.Services;

/// <summary>The module's addresses, built once (app-relative, as the views and the sitemap use them).</summary>
public static class DialogueAddresses
{
    public const string List = "~/doi-thoai";

    public static string Dialogue(string slug) => "~/doi-thoai/" + Uri.EscapeDataString(slug);

    public static string Ask(string slug) => Dialogue(slug) + "/gui-cau-hoi";

    public static string Editor(string id) => "~/admin/doi-thoai/" + Uri.EscapeDataString(id) + "/sua";

    public static string Console(string id) => "~/admin/doi-thoai/" + Uri.EscapeDataString(id);
}
