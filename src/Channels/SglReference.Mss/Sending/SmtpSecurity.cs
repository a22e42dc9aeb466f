namespace SglReference.Mss.Sending;

/// <summary>How the SMTP connection is protected (MSSanté operators require TLS).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (submission port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    ImplicitTls,
}
