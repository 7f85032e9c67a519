using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Questions",
    Name = "Hỏi đáp, phản ánh kiến nghị",
    Description = "Citizens' questions and feedback: the public form and API, tracking codes, triage and routing to the competent agency (another site or a unit), working-day deadlines, answers through the content lifecycle, the public list of answers and the board's statistics.")]
