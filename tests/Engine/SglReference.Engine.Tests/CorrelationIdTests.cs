using MimeKit;
using SglReference.Dmp.Sending;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>
/// The outbox matches acknowledgements by the id each channel declares on its messages; that id is the one the bytes
/// carry, read back by a parser (MSH-10 by the HL7 codec, Message-ID by MimeKit, XDSSubmissionSet.uniqueId from the
/// ITI-41 envelope).
/// </summary>
public sealed class CorrelationIdTests
{
    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_message_declares_the_id_its_bytes_carry(string fixture)
    {
        var package = RenderCache.Package(fixture);
        Assert.NotEmpty(package.Messages);
        foreach (var message in package.Messages)
        {
            var carried = message.Channel switch
            {
                "hl7v2" => Hl7Parser.ParseHeader(message.Content.Span).Value(10),
                "mss" => MimeMessage.Load(new MemoryStream(message.Content.ToArray())).MessageId,
                "dmp" => DmpTransport.CorrelationId(message.Content.Span),
                _ => throw new InvalidOperationException("unexpected channel " + message.Channel),
            };
            Assert.False(string.IsNullOrEmpty(carried), $"{message.Channel} {message.Kind}: no id in the bytes");
            Assert.Equal(carried, message.CorrelationId);
        }
    }
}
