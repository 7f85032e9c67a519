using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>What the browser tests do as the first administrator: sign in, use the rich-text editor.</summary>
public static class AdminSession
{
    public static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/admin/login");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(PortalFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
    }

    /// <summary>The editable body inside the HugeRTE iframe that admin.js puts over a textarea[data-rich-text].</summary>
    public static ILocator RichTextBody(IPage page) =>
        page.FrameLocator("iframe.tox-edit-area__iframe").Locator("body[contenteditable=true]");

    /// <summary>Types into the editor as a person would (click, keys), so its change events fire.</summary>
    public static async Task TypeRichTextAsync(IPage page, string text)
    {
        var body = RichTextBody(page);
        await body.ClickAsync();
        await body.PressSequentiallyAsync(text);
    }
}
