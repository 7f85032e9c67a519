namespace Portal.Core.Scheduling;

/// <summary>
/// Periodic work that must run once per period for the whole installation, whichever node runs
/// it (register with <c>services.AddScheduledJob&lt;TJob&gt;()</c>, a singleton). Periods are fixed
/// slots of <see cref="Every"/> counted from 1970-01-01 00:00 UTC plus <see cref="Offset"/>
/// (<c>Every = 1 day, Offset = 1 h</c>: each day from 08:00 Vietnam time); the job runs once in
/// each slot, as soon after its start as a node's scheduler looks, and not at all for slots that
/// passed while every node was down — <see cref="ScheduledJobContext.PreviousRunUtc"/> tells the
/// job what it missed.
/// <para>
/// Once per period is the scheduler's promise; once per item is the job's own: a run that fails
/// half-way is run again, and a node that dies mid-run leaves the period to another node once the
/// lease lapses. So a job marks what it has done in the same transaction as doing it (a question's
/// "reminded" flag written with its <c>IMailOutbox</c> message) and skips what is marked.
/// </para>
/// </summary>
public interface IScheduledJob
{
    /// <summary>Unique and stable (the lease row's key): "qna-deadline-reminders", at most 100 characters.</summary>
    string Name { get; }

    /// <summary>The period, in whole seconds (at least one); the scheduler looks every <c>Portal:Scheduler:TickSeconds</c>.</summary>
    TimeSpan Every { get; }

    /// <summary>Where in each period the slot starts (0 ≤ offset &lt; <see cref="Every"/>).</summary>
    TimeSpan Offset => TimeSpan.Zero;

    /// <summary>
    /// The longest a run may take. The run's token is cancelled just before it ends; after it,
    /// another node may take the period over, so a run that ignored the token could overlap the next.
    /// </summary>
    TimeSpan Lease => TimeSpan.FromMinutes(10);

    Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken);
}
