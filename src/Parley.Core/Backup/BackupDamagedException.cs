namespace Parley.Core.Backup;

/// <summary>The archive is not a complete, intact Parley backup; the message says what is wrong.</summary>
public sealed class BackupDamagedException : Exception
{
    public BackupDamagedException()
    {
    }

    public BackupDamagedException(string message) : base(message)
    {
    }

    public BackupDamagedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
