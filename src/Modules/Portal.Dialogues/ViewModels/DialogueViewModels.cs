using System.ComponentModel.DataAnnotations;
using Portal.Core.Contents;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;

namespace Portal.Dialogues.ViewModels;

/// <summary>The dialogue's editor form; its rules are <see cref="DialogueEnvelope"/>'s, whose messages are put beside these fields.</summary>
public sealed class DialogueEditViewModel : ContentEditModel
{
    [Display(Name = "Chủ đề")]
    public string? Title { get; set; }

    [Display(Name = "Đường dẫn (để trống để tạo từ chủ đề)")]
    public string? Slug { get; set; }

    [Display(Name = "Giới thiệu")]
    public string? Description { get; set; }

    [Display(Name = "Bắt đầu (giờ Việt Nam)")]
    public DateTime? StartAt { get; set; }

    [Display(Name = "Kết thúc (giờ Việt Nam)")]
    public DateTime? EndAt { get; set; }

    [Display(Name = "Hạn gửi câu hỏi trước buổi đối thoại (giờ Việt Nam; để trống: đến khi bắt đầu)")]
    public DateTime? QuestionsCloseAt { get; set; }

    [Display(Name = "Khách mời (mỗi dòng: Họ tên | Chức vụ | Ảnh trong thư viện, ví dụ /media/anh.jpg)")]
    public string? Guests { get; set; }

    [Display(Name = "Người dẫn chương trình")]
    public string? Moderator { get; set; }

    [Display(Name = "Video (địa chỉ https; YouTube, Vimeo được nhúng vào trang)")]
    public string? VideoUrl { get; set; }

    /// <summary>The form's property for an envelope field name, for the message beside it.</summary>
    public static string PropertyOf(string field) => field switch
    {
        "title" => nameof(Title),
        "slug" => nameof(Slug),
        "description" => nameof(Description),
        "startUtc" => nameof(StartAt),
        "endUtc" => nameof(EndAt),
        "questionsCloseUtc" => nameof(QuestionsCloseAt),
        "guests" => nameof(Guests),
        "moderator" => nameof(Moderator),
        "videoUrl" => nameof(VideoUrl),
        _ => "",
    };
}

/// <summary>The citizen's question form on the dialogue's page. No validation attributes: the rules are <see cref="DialogueQuestionRules"/>.</summary>
public sealed class DialogueQuestionFormModel
{
    [Display(Name = "Câu hỏi của ông/bà")]
    public string? Text { get; set; }

    [Display(Name = "Họ và tên (không bắt buộc)")]
    public string? SenderName { get; set; }

    [Display(Name = "Hiện họ tên của tôi cùng câu hỏi khi được công bố")]
    public bool ShowName { get; set; }

    internal DialogueQuestionSubmission ToSubmission() => new(Text, SenderName, ShowName);
}

public sealed class DialogueListViewModel
{
    public IReadOnlyList<DialogueSummary> Items { get; init; } = [];

    public int Total { get; init; }

    public int Page { get; init; }

    public int PageCount { get; init; }
}

public sealed class DialoguePageViewModel
{
    public required DialogueSummary Dialogue { get; init; }

    public required DialogueFields Fields { get; init; }

    public IReadOnlyList<DialogueQuestion> Entries { get; init; } = [];

    public bool Open { get; init; }

    public DialogueQuestionFormModel Form { get; init; } = new();

    public string? Sent { get; init; }

    public DialogueGuest? Guest(string? name) => Fields.Guests.FirstOrDefault(g => g.Name == name);
}

public sealed class DialogueConsoleViewModel
{
    public required ContentItem Item { get; init; }

    public required Dialogue Record { get; init; }

    public required DialogueFields Fields { get; init; }

    public bool IsPublic { get; init; }

    public IReadOnlyList<DialogueQuestion> Questions { get; init; } = [];

    public IReadOnlyList<DialogueHistoryEntry> History { get; init; } = [];
}
