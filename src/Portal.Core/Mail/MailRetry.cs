using MailKit.Net.Smtp;

namespace Portal.Core.Mail;

/// <summary>When a failed message is tried again, and which failures are not worth retrying.</summary>
internal static class MailRetry
{
    /// <summary>
    /// <see cref="MailSettings.RetrySeconds"/> after the first failure, doubling each time, capped
    /// at <see cref="MailSettings.MaxRetrySeconds"/>: with the defaults (1 min, 1 h, 12 attempts) a
    /// mail server down for about seven hours loses nothing, and a dead one is not hammered.
    /// </summary>
    public static TimeSpan Delay(int attempts, MailSettings settings)
    {
        var first = Math.Max(1, settings.RetrySeconds);
        var cap = Math.Max(first, settings.MaxRetrySeconds);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        return TimeSpan.FromSeconds(Math.Min(cap, first * Math.Pow(2, exponent)));
    }

    /// <summary>
    /// The server refused this message for good (5xx to the recipient or the content), or the row
    /// cannot become a message: retrying sends the same thing to the same answer. A connection,
    /// sign-in or sender refusal is the installation's problem, not the message's, and is retried,
    /// so fixing the settings lets the queue drain.
    /// </summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500
            && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted,
        FormatException => true,
        _ => false,
    };

    /// <summary>One line for the row and for <c>mail queue</c>: the kind and the server's words.</summary>
    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode}: {command.Message}",
            OperationCanceledException => "timed out",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 1000 ? text : text[..1000];
    }
}
