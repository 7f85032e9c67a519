using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The whole newsroom in a real browser: a reporter uploads a photo and writes a draft with it,
/// the board head approves and publishes, a citizen reads it. Screenshots of each step are kept.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorialWorkflowBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    private const string Password = "Passw0rd-E2E!";

    [Fact]
    public async Task A_reporters_draft_with_a_photo_is_approved_and_appears_on_the_public_site()
    {
        await using var adminContext = await browser.Chromium.NewContextAsync(new() { Locale = "vi-VN" });
        var admin = await adminContext.NewPageAsync();
        await AdminSession.SignInAsync(admin, portal.BaseUrl);
        await AddUserAsync(admin, "pv-e2e", "Reporter");
        await AddUserAsync(admin, "tb-e2e", "Approver");

        // The reporter: a photo into the media library, then an article that uses it.
        await using var reporterContext = await browser.Chromium.NewContextAsync(new() { Locale = "vi-VN" });
        var reporter = await reporterContext.NewPageAsync();
        var dialogs = new List<string>();
        reporter.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type + ":" + dialog.Message);
            await dialog.DismissAsync();
        };
        await SignInAsync(reporter, "pv-e2e");
        await reporter.GotoAsync(portal.BaseUrl + "/admin/media/upload");
        var photo = Path.Combine(Path.GetTempPath(), $"hoi-nghi-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, TestFiles.Png(64, 40));
        await reporter.Locator("input[type=file]").SetInputFilesAsync(photo);
        await reporter.GetByLabel("Mô tả ảnh", new() { Exact = false }).FillAsync("Đại biểu dự hội nghị tổng kết");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        var photoUrl = await reporter.Locator("code").Filter(new() { HasText = "/media/" }).First.InnerTextAsync();

        await reporter.GotoAsync(portal.BaseUrl + "/admin/news/create");
        await AdminSession.RichTextBody(reporter).WaitForAsync();
        await reporter.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Hội nghị tổng kết công tác dân vận");
        await reporter.GetByLabel("Sapo (tóm tắt)").FillAsync("Hội nghị đánh giá kết quả năm và đề ra nhiệm vụ năm tới.");
        await AdminSession.TypeRichTextAsync(reporter, "Sáng nay, hội nghị đã diễn ra tại hội trường Ủy ban nhân dân tỉnh.");
        await reporter.GetByLabel("Chuyên mục").SelectOptionAsync("chinh-tri");
        await reporter.GetByLabel("Ảnh đại diện (đường dẫn)").FillAsync(photoUrl);
        await reporter.GetByLabel("Mô tả ảnh (bắt buộc khi có ảnh)").FillAsync("Đại biểu dự hội nghị tổng kết");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await reporter.GetByText("Đã lưu bản nháp").WaitForAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await reporter.GetByText("Đã cập nhật trạng thái.").WaitForAsync();
        Assert.Empty(dialogs); // submitting for review asks no question
        Assert.True(await reporter.GetByText("chờ biên tập").First.IsVisibleAsync());
        Assert.False(await reporter.GetByRole(AriaRole.Button, new() { Name = "Xuất bản" }).IsVisibleAsync());
        await reporter.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("workflow-1-reporter-submitted"), FullPage = true });

        // The board head: approve, then publish now.
        await using var headContext = await browser.Chromium.NewContextAsync(new() { Locale = "vi-VN" });
        var head = await headContext.NewPageAsync();
        await SignInAsync(head, "tb-e2e");
        await head.GotoAsync(portal.BaseUrl + "/admin/news?state=Submitted");
        await head.GetByRole(AriaRole.Link, new() { Name = "Hội nghị tổng kết công tác dân vận", Exact = true }).ClickAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await head.GetByText("Đã cập nhật trạng thái.").WaitForAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await head.GetByText("Trạng thái: đã xuất bản").WaitForAsync();
        await head.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("workflow-2-head-published"), FullPage = true });

        // A citizen on a phone.
        await using var citizenContext = await browser.Chromium.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync(portal.BaseUrl + "/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Hội nghị tổng kết công tác dân vận" }).First.ClickAsync();
        await citizen.WaitForURLAsync("**/tin-tuc/chinh-tri/hoi-nghi-tong-ket-cong-tac-dan-van");
        Assert.Equal("Hội nghị tổng kết công tác dân vận", await citizen.Locator("main h1").InnerTextAsync());
        var image = citizen.GetByAltText("Đại biểu dự hội nghị tổng kết").First;
        Assert.True(await image.IsVisibleAsync());
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 64"));
        Assert.True(await citizen.GetByText("Sáng nay, hội nghị đã diễn ra").IsVisibleAsync());
        await citizen.ScreenshotAsync(new() { Path = Infrastructure.Browser.ScreenshotPath("workflow-3-citizen-article"), FullPage = true });
    }

    private async Task AddUserAsync(IPage admin, string userName, string role)
    {
        await admin.GotoAsync(portal.BaseUrl + "/admin/users/add");
        await admin.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await admin.GetByLabel("Mật khẩu (chỉ khi tạo tài khoản mới)").FillAsync(Password);
        await admin.GetByLabel("Vai trò trên trang này").SelectOptionAsync(role);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/users");
    }

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(portal.BaseUrl + "/admin/login");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
    }
}
