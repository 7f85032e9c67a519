namespace Portal.Core.Scheduling;

/// <summary>
/// One row per job (<c>ScheduledJobs</c>), shared by every node: which period ran last, and who
/// holds the current run. Not tenant-owned: a job is the installation's, its work per site runs in
/// each site's scope.
/// </summary>
internal sealed class ScheduledJobLease
{
    public string Name { get; set; } = "";

    /// <summary>The start of the last period that ran to the end.</summary>
    public DateTime? LastPeriodUtc { get; set; }

    /// <summary>The scheduler (node and process) running the job now, or null.</summary>
    public string? Holder { get; set; }

    /// <summary>No node starts the job before this time: the running node's lease, or the wait after a failed run.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? LastStartedUtc { get; set; }

    public DateTime? LastFinishedUtc { get; set; }

    /// <summary>The last run's failure, cleared by the next success.</summary>
    public string? LastError { get; set; }
}
