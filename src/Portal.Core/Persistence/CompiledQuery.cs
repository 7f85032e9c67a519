using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Core.Persistence;

/// <summary>
/// An EF Core compiled query for a hot path, compiled once per model. EF binds a compiled query to
/// the model it first ran with; one process normally has one, but the tests host SQLite and
/// PostgreSQL side by side, and a static compiled query would fail on the second.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
