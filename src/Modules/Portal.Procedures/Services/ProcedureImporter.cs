using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Contents;
using Portal.Core.Recipes;

namespace Portal.Procedures.Services;

/// <summary>
/// Content envelope type <c>procedure</c> (CONTRACTS.md) for the recipes' <c>content</c> step and
/// the content API: checked by <see cref="ProcedureEnvelope"/>, written by <see cref="ProcedureWriter"/>.
/// </summary>
internal sealed partial class ProcedureImporter : IContentImporter
{
    public string Type => ProcedureJson.ContentType;

    public string FeatureId => ProcedureJson.FeatureId;

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        if (ContentIds.Problem(envelope.Id) is { } idProblem)
        {
            problems.Add($"'id': {idProblem}");
        }

        var found = new List<FieldProblem>();
        ProcedureEnvelope.Read(envelope.Fields, found);
        foreach (var problem in found)
        {
            problems.Add($"'fields.{problem.Field}': {problem.Message}");
        }
    }

    public async Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken)
    {
        if (ContentIds.Problem(envelope.Id) is { } idProblem)
        {
            throw new InvalidOperationException($"procedure: {idProblem}");
        }

        var problems = new List<FieldProblem>();
        var input = ProcedureEnvelope.Read(envelope.Fields, problems)
            ?? throw new InvalidOperationException($"procedure '{envelope.Id}': {string.Join(" ", problems.Select(p => p.Message))}");
        var result = await context.Services.GetRequiredService<ProcedureWriter>().UpsertAsync(envelope.Id, input, envelope.Published, cancellationToken);
        if (result.Outcome == ImportOutcome.Skipped)
        {
            // An archived procedure is left as the editors left it; the run goes on, and says so.
            Skipped(context.Services.GetRequiredService<ILogger<ProcedureImporter>>(), envelope.Id, context.Tenant.Name, result.Reason ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Procedure '{Id}' on {Tenant} was not imported: {Reason}")]
    private static partial void Skipped(ILogger logger, string id, string tenant, string reason);
}
