using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Portal.Media.Models;

namespace Portal.Media.ViewModels;

/// <summary>The upload form. Whether alt text is required depends on the file's content, so that check is in the controller.</summary>
public sealed class MediaUploadViewModel
{
    [Display(Name = "Tệp (ảnh PNG, JPEG, GIF, WebP tối đa 10 MB; PDF, DOC, DOCX tối đa 30 MB)")]
    public IFormFile? File { get; set; }

    [StringLength(MediaModel.AltTextLength, ErrorMessage = "Mô tả ảnh tối đa 500 ký tự.")]
    [Display(Name = "Mô tả ảnh (văn bản thay thế, bắt buộc với ảnh)")]
    public string? AltText { get; set; }

    [StringLength(MediaModel.CaptionLength, ErrorMessage = "Chú thích tối đa 1000 ký tự.")]
    [Display(Name = "Chú thích")]
    public string? Caption { get; set; }
}

public sealed class MediaVideoViewModel
{
    [Display(Name = "Liên kết video (YouTube, Vimeo hoặc địa chỉ https)")]
    public string? VideoUrl { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề video.")]
    [StringLength(MediaModel.OriginalNameLength, ErrorMessage = "Tiêu đề tối đa 255 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string? Title { get; set; }

    [StringLength(MediaModel.CaptionLength, ErrorMessage = "Chú thích tối đa 1000 ký tự.")]
    [Display(Name = "Chú thích")]
    public string? Caption { get; set; }
}

internal sealed class MediaListViewModel
{
    public IReadOnlyList<MediaFile> Items { get; init; } = [];

    public string? Search { get; init; }

    public MediaKind? Kind { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Total { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Ảnh",
        MediaKind.Pdf => "PDF",
        MediaKind.Word => "Word",
        _ => "Video",
    };
}
