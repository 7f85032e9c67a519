using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers a periodic job (a singleton) with the kernel's scheduler, from a module's
    /// <c>ConfigureServices</c>. Its work per site goes through <see cref="ScheduledJobContext.OpenSite"/>.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledJob, TJob>());
        return services;
    }
}
