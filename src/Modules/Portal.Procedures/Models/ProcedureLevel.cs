namespace Portal.Procedures.Models;

/// <summary>The level of government that carries out a procedure (cấp thực hiện).</summary>
public enum ProcedureLevel
{
    Province = 0,
    District = 1,
    Commune = 2,
}

/// <summary>How far the procedure can be done online (dịch vụ công trực tuyến toàn trình / một phần).</summary>
public enum OnlineServiceLevel
{
    None = 0,
    Partial = 1,
    Full = 2,
}

/// <summary>Ways a dossier may be submitted (cách thức thực hiện).</summary>
public enum SubmissionChannel
{
    InPerson = 0,
    Online = 1,
    Post = 2,
}

/// <summary>Whether a required paper is the original or a copy (bản chính / bản sao).</summary>
public enum DocumentKind
{
    Unspecified = 0,
    Original = 1,
    Copy = 2,
}
