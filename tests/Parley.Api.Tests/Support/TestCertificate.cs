using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Api.Tests.Support;

/// <summary>A self-signed certificate for localhost and 127.0.0.1, as PEM files for the Python server.</summary>
public sealed class TestCertificate
{
    private static readonly Lazy<TestCertificate> LazyShared = new(() => new TestCertificate());

    private readonly byte[] _hash;

    private TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        _hash = certificate.GetCertHash(HashAlgorithmName.SHA256);

        var folder = Directory.CreateTempSubdirectory("parley-cert-").FullName;
        CertPath = Path.Combine(folder, "cert.pem");
        KeyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>One per test run: generating an RSA key is slow and the certificate never changes.</summary>
    public static TestCertificate Shared => LazyShared.Value;

    public string CertPath { get; }

    public string KeyPath { get; }

    /// <summary>
    /// Accepts exactly this certificate, for the host names it was made for: the chain is untrusted
    /// (self-signed), everything else must check out.
    /// </summary>
    public RemoteCertificateValidationCallback Validation => (_, certificate, _, errors) =>
        (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
        && certificate is not null
        && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(_hash);
}
