namespace Portal.Core.Persistence;

/// <summary>One change and everything written with it (event handlers, history, outbox mail) commit together or not at all.</summary>
public static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; inside a caller's transaction
    /// (a recipe, one row of an upload) the caller commits. On failure the context forgets what it
    /// tracked of the work, so a later save cannot write half of it.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this PortalDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // Rolled back on dispose; what the context still tracks of it must not be saved later.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
