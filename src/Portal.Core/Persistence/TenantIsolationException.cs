namespace Portal.Core.Persistence;

/// <summary>Thrown when a unit of work tries to write a row that belongs to another tenant.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
