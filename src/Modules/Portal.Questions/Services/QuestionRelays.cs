using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Carries a question between sites. The sending site writes a <see cref="QuestionRelay"/> in the
/// transaction of its change; after commit (right after the person's action, and every half minute
/// by <see cref="QuestionRelayJob"/> for whatever a crash left behind) each relay is applied in the
/// receiving site's own scope by its <see cref="QuestionRelayReceiver"/>, then marked delivered here.
/// The receiver skips a relay it has already applied, so a delivery cut between the two writes
/// is simply repeated.
/// </summary>
[CrossTenant("A question forwarded to another agency's site, and the hops and answer reported back to the citizen's site, are written by the receiving site's own unit of work in a scope opened for it; this site writes only its own relay rows.")]
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionRelays(
    PortalDbContext db,
    TenantContext site,
    TenantCatalog catalog,
    TenantScopeFactory scopes,
    TimeProvider clock,
    ILogger<QuestionRelays> logger)
{
    private const int MaxAttempts = 50;

    internal void Enqueue(QuestionCase from, int toTenantId, QuestionRelayKind kind, RelayPayload payload) =>
        db.Add(new QuestionRelay
        {
            CaseId = from.Id,
            ToTenantId = toTenantId,
            Kind = kind,
            Payload = payload.Write(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>Why a question cannot go to <paramref name="target"/>, or null when it can: a running site with Q&A and someone there to answer.</summary>
    public async Task<string?> TransferRefusalAsync(Tenant target, CancellationToken cancellationToken)
    {
        if (target.Id == site.TenantId)
        {
            return "Không thể chuyển câu hỏi cho chính trang này; hãy giao cho một đơn vị trong trang.";
        }

        if (target.State != TenantState.Running || !target.HasFeature(QuestionContent.FeatureId))
        {
            return $"Trang \"{target.DisplayName}\" không bật chức năng hỏi đáp nên không nhận được câu hỏi.";
        }

        await using var scope = scopes.CreateScope(target);
        var holders = await scope.ServiceProvider.GetRequiredService<IPermissionHolders>().HoldersAsync(Startup.AnswerQuestions.Name, cancellationToken);
        return holders.Count == 0
            ? $"Trang \"{target.DisplayName}\" chưa có cán bộ trả lời hỏi đáp (người có quyền {Startup.AnswerQuestions.Name}), nên câu hỏi không được chuyển. Hãy đề nghị quản trị trang đó phân quyền trước."
            : null;
    }

    /// <summary>The sites a question may be sent to from here: running, with Q&A, not this one (whether each has responders is checked on sending).</summary>
    public IReadOnlyList<Tenant> Destinations() =>
        [.. catalog.All.Where(t => t.Id != site.TenantId && t.State == TenantState.Running && t.HasFeature(QuestionContent.FeatureId))
            .OrderBy(t => t.Level).ThenBy(t => t.DisplayName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];

    /// <summary>Delivers this site's undelivered relays, oldest first; returns how many arrived.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<QuestionRelay>()
            .Where(r => r.DeliveredUtc == null && r.Attempts < MaxAttempts)
            .OrderBy(r => r.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var relay in pending)
        {
            var target = catalog.FindById(relay.ToTenantId);
            relay.Attempts++;
            try
            {
                if (target is null)
                {
                    throw new InvalidOperationException($"site {relay.ToTenantId} no longer exists");
                }

                await using (var scope = scopes.CreateScope(target))
                {
                    await scope.ServiceProvider.GetRequiredService<QuestionRelayReceiver>()
                        .ReceiveAsync(relay.Id, site.TenantId, relay.Kind, RelayPayload.Read(relay.Payload), cancellationToken);
                }

                relay.DeliveredUtc = clock.GetUtcNow().UtcDateTime;
                relay.LastError = null;
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Question relay {Relay} from site {From} to site {To} failed (attempt {Attempt})", relay.Id, site.TenantId, relay.ToTenantId, relay.Attempts);
                relay.LastError = ex.Message.Length <= QuestionsModel.NoteLength ? ex.Message : ex.Message[..QuestionsModel.NoteLength];
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }
}
