using Portal.Core.Contents;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>The content type of answered questions and the (de)serialisation of its fields.</summary>
internal static class QuestionContent
{
    public const string ContentType = "question";

    public const string FeatureId = "Portal.Questions";

    /// <summary>The answer item's id on a site for one of its cases: stable, so drafting twice opens the same item.</summary>
    public static string ItemIdFor(int caseId) => $"hd-{caseId}";

    public static AnswerFields Read(string data) => ContentFields.Read<AnswerFields>(data);

    public static string Write(AnswerFields fields) => ContentFields.Write(fields);
}
