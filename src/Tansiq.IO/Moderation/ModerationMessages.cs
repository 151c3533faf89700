using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>Feeds a messages file to the moderation world: exposure (replies, re-shares, mentions) and coordinated clusters.</summary>
public static class ModerationMessages
{
    /// <summary>Returns the number of messages read.</summary>
    public static long Add(string path, ModerationWorldBuilder world)
    {
        _ = world;
        throw new InputException(path, 0, "--messages needs the message readers (branch io-readers), which are not merged yet");
    }
}
