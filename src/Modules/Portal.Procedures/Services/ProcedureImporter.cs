using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;

namespace Portal.Procedures.Services;

/// <summary>
/// Content envelope type <c>procedure</c> (CONTRACTS.md) for the recipes' <c>content</c> step and
/// the content API: checked by <see cref="ProcedureEnvelope"/>, written by <see cref="ProcedureWriter"/>.
/// </summary>
internal sealed class ProcedureImporter : IContentImporter
{
    public string Type => ProcedureJson.ContentType;

    public string FeatureId => ProcedureJson.FeatureId;

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        var found = new List<FieldProblem>();
        ProcedureEnvelope.Read(envelope.Fields, found);
        foreach (var problem in found)
        {
            problems.Add($"'fields.{problem.Field}': {problem.Message}");
        }
    }

    public async Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = ProcedureEnvelope.Read(envelope.Fields, problems)
            ?? throw new InvalidOperationException($"procedure '{envelope.Id}': {string.Join(" ", problems.Select(p => p.Message))}");
        await context.Services.GetRequiredService<ProcedureWriter>().UpsertAsync(envelope.Id, input, envelope.Published, cancellationToken);
    }
}
