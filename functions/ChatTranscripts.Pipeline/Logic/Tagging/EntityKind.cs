using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
namespace ChatTranscripts.Pipeline.Logic.Tagging;

public enum EntityKind
{
    Hashtag,
    Mention,
    Url,
}
