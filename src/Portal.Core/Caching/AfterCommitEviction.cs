using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Caching;

/// <summary>
/// Evicts this process's pages again once the unit of work that asked for it has committed. The
/// eviction at the time of the call leaves a window: a request between it and the commit reads
/// the old rows and caches them for ten minutes. Other processes evict only on the commit (the
/// signal row commits with the change); this gives the writing process the same guarantee.
/// Dropped on rollback: nothing changed.
/// </summary>
internal static class AfterCommitEviction
{
    private static readonly ConditionalWeakTable<DbContext, Pending> PendingByContext = [];

    public static IInterceptor[] Interceptors { get; } = [new OnCommit(), new OnSave()];

    public static void Add(DbContext context, LocalCacheEvictor local, int tenantId, bool below)
    {
        var pending = PendingByContext.GetOrCreateValue(context);
        pending.Local = local;
        pending.Keys.Add((tenantId, below));
    }

    private static void Flush(DbContext? context)
    {
        if (context is not null && PendingByContext.TryGetValue(context, out var pending))
        {
            PendingByContext.Remove(context);
            foreach (var (tenantId, below) in pending.Keys)
            {
                pending.Local?.Evict(tenantId, below);
            }
        }
    }

    private static void Drop(DbContext? context)
    {
        if (context is not null)
        {
            PendingByContext.Remove(context);
        }
    }

    private sealed class Pending
    {
        public LocalCacheEvictor? Local { get; set; }

        public HashSet<(int TenantId, bool Below)> Keys { get; } = [];
    }

    private sealed class OnCommit : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Flush(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Drop(eventData.Context);
            return Task.CompletedTask;
        }
    }

    /// <summary>A save outside an explicit transaction commits by itself (EF Core may not open one for a single command).</summary>
    private sealed class OnSave : SaveChangesInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            FlushIfCommitted(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            FlushIfCommitted(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropIfNoTransaction(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            DropIfNoTransaction(eventData.Context);
            return Task.CompletedTask;
        }

        private static void FlushIfCommitted(DbContext? context)
        {
            if (context?.Database.CurrentTransaction is null)
            {
                Flush(context);
            }
        }

        private static void DropIfNoTransaction(DbContext? context)
        {
            if (context?.Database.CurrentTransaction is null)
            {
                Drop(context);
            }
        }
    }
}
