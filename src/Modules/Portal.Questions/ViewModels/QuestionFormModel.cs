using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Portal.Questions.Services;

namespace Portal.Questions.ViewModels;

/// <summary>
/// The public form's fields. No validation attributes: the one set of rules is
/// <see cref="QuestionRules"/>, shared with the API; its messages are put beside these fields.
/// </summary>
public sealed class QuestionFormModel
{
    [Display(Name = "Họ và tên")]
    public string? SenderName { get; set; }

    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    [Display(Name = "Số điện thoại")]
    public string? Phone { get; set; }

    [Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [Display(Name = "Tiêu đề câu hỏi")]
    public string? Title { get; set; }

    [Display(Name = "Nội dung câu hỏi")]
    public string? Content { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? Field { get; set; }

    [Display(Name = "Tôi đồng ý để câu hỏi và câu trả lời được công khai trên cổng (không công khai thư điện tử, số điện thoại, địa chỉ)")]
    public bool ConsentToPublish { get; set; }

    [Display(Name = "Hiện họ tên của tôi khi công khai")]
    public bool ShowName { get; set; }

    [Display(Name = "Tệp đính kèm")]
    public List<IFormFile> Attachments { get; set; } = [];

    internal QuestionSubmission ToSubmission() => new(SenderName, Email, Phone, Address, Title, Content, Field, ConsentToPublish, ShowName);

    /// <summary>The form's property for an API field name (the rules' key), for the message beside it.</summary>
    internal static string PropertyOf(string field) => field switch
    {
        "senderName" => nameof(SenderName),
        "email" => nameof(Email),
        "phone" => nameof(Phone),
        "address" => nameof(Address),
        "title" => nameof(Title),
        "content" => nameof(Content),
        "field" => nameof(Field),
        "showName" => nameof(ShowName),
        "attachments" => nameof(Attachments),
        _ => field,
    };
}

public sealed class QuestionLookupViewModel
{
    public string? Code { get; init; }

    public PublicQuestionStatus? Status { get; init; }

    /// <summary>True when a code was typed and matched nothing (or is not a code).</summary>
    public bool NotFound { get; init; }
}
