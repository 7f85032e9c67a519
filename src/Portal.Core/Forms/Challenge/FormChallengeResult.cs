namespace Portal.Core.Forms.Challenge;

/// <summary>The answer of <see cref="IFormChallenge.Verify"/>.</summary>
public enum FormChallengeResult
{
    Ok,

    /// <summary>No ticket or no nonce: the script did not run (JavaScript off) or the post did not come from the form.</summary>
    Missing,

    /// <summary>A token that is not ours, of another site or form, or a nonce that does not do the work.</summary>
    Invalid,

    Expired,

    /// <summary>The ticket was already accepted once (a second click, a replay).</summary>
    Reused,
}

public static class FormChallengeResultMessages
{
    /// <summary>The sentence shown to the citizen beside the form's challenge.</summary>
    public static string Message(this FormChallengeResult result) => result switch
    {
        FormChallengeResult.Ok => "",
        FormChallengeResult.Missing => "Chưa hoàn tất bước kiểm tra chống máy gửi tự động. Hãy bật JavaScript hoặc tải lại trang rồi gửi lại.",
        FormChallengeResult.Expired => "Phiên kiểm tra đã hết hạn, hãy gửi lại.",
        FormChallengeResult.Reused => "Biểu mẫu đã được gửi với phiên kiểm tra này. Nếu muốn gửi thêm, hãy gửi lại.",
        _ => "Bước kiểm tra chống máy gửi tự động không thành công. Hãy tải lại trang rồi gửi lại.",
    };
}
