using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>What citizens and editors read for the procedure's coded values.</summary>
public static class ProcedureText
{
    public static string Level(ProcedureLevel level) => level switch
    {
        ProcedureLevel.Province => "Cấp tỉnh",
        ProcedureLevel.District => "Cấp huyện",
        _ => "Cấp xã",
    };

    public static string Online(OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Dịch vụ công trực tuyến toàn trình",
        OnlineServiceLevel.Partial => "Dịch vụ công trực tuyến một phần",
        _ => "Chưa có dịch vụ công trực tuyến",
    };

    public static string OnlineShort(OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Toàn trình",
        OnlineServiceLevel.Partial => "Một phần",
        _ => "Không",
    };

    public static string Channel(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "Trực tiếp",
        SubmissionChannel.Online => "Trực tuyến",
        _ => "Qua dịch vụ bưu chính công ích",
    };

    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.Original => "bản chính",
        DocumentKind.Copy => "bản sao",
        _ => "",
    };

    /// <summary>"02 bản chính", "01 bản" — the way procedure sheets count papers.</summary>
    public static string Copies(RequiredDocument document) =>
        $"{document.Copies:00} {(document.Kind == DocumentKind.Unspecified ? "bản" : Kind(document.Kind))}";
}
