namespace Parley.Core.Email;

/// <summary>Sending failed. <see cref="IsPermanent"/> tells whether trying again later can help.</summary>
public sealed class SmtpException : Exception
{
    public SmtpException()
    {
    }

    public SmtpException(string message)
        : base(message)
    {
    }

    public SmtpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmtpException(string message, int? code, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The server's reply code, when the failure was a reply.</summary>
    public int? Code { get; }

    /// <summary>True for 5xx replies; 4xx replies, time-outs, refused connections and TLS or I/O errors may pass.</summary>
    public bool IsPermanent => Code is >= 500 and < 600;
}
