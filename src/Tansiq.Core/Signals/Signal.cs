using Tansiq.Core.Model;

namespace Tansiq.Core.Signals;

/// <summary>
/// A co-action signal answers one question: which objects does this message act on?
/// Two accounts are tied when their messages act on the same object close together in time.
/// </summary>
public interface ISignal
{
    SignalKind Kind { get; }

    /// <summary>Adds the object keys <paramref name="message"/> acts on to <paramref name="keys"/> (distinct, possibly none).</summary>
    void ObjectsOf(Message message, List<string> keys);
}

/// <summary>Same original post re-shared. As in the toolkit, every message with a repost id counts.</summary>
public sealed class CoRepostSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoRepost;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (message.RepostOf is { Length: > 0 } id)
        {
            keys.Add(id);
        }
    }
}

/// <summary>Replies to the same post; reposts of replies do not count (toolkit semantics).</summary>
public sealed class CoReplySignal : ISignal
{
    public SignalKind Kind => SignalKind.CoReply;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (!message.IsRepost && message.ReplyTo is { Length: > 0 } id)
        {
            keys.Add(id);
        }
    }
}

/// <summary>Identical text after the toolkit's normalisation (lower case, @mentions removed, white space folded); original posts only.</summary>
public sealed class CoTextSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoText;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (!message.IsRepost)
        {
            keys.Add(ToolkitText.Normalise(message.Text));
        }
    }
}

/// <summary>The same URL after normalisation in an original post (URLs inside reposts are the original's, as in the toolkit).</summary>
public sealed class CoLinkSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoLink;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (message.IsRepost)
        {
            return;
        }
        foreach (var url in message.Urls)
        {
            var key = UrlNormaliser.Normalise(url);
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }
}

/// <summary>The same hashtag (case-folded) in an original post.</summary>
public sealed class CoHashtagSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoHashtag;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (message.IsRepost)
        {
            return;
        }
        foreach (var tag in message.Hashtags)
        {
            var key = tag.TrimStart('#').ToLowerInvariant();
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }
}

/// <summary>The same original post forwarded (Telegram), whether as a repost or not.</summary>
public sealed class CoForwardSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoForward;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (message.ForwardOf is { Length: > 0 } key)
        {
            keys.Add(key);
        }
    }
}

/// <summary>The same object of a user-named kind (object table rows), whatever the post. Rows of a table with a kind
/// column carry their kind and go to that kind's own signal (<see cref="SignalNames.ObjectKind"/>) instead.</summary>
public sealed class CoObjectSignal : ISignal
{
    public SignalKind Kind => SignalKind.CoObject;

    public void ObjectsOf(Message message, List<string> keys)
    {
        if (message.SharedObjectKind is null && message.SharedObject is { Length: > 0 } key)
        {
            keys.Add(key);
        }
    }
}

public static class Signals
{
    /// <summary>The extractor for a kind; co-similar has none here because its objects are text clusters found across messages.</summary>
    public static ISignal? For(SignalKind kind) => kind switch
    {
        SignalKind.CoRepost => new CoRepostSignal(),
        SignalKind.CoReply => new CoReplySignal(),
        SignalKind.CoText => new CoTextSignal(),
        SignalKind.CoLink => new CoLinkSignal(),
        SignalKind.CoHashtag => new CoHashtagSignal(),
        SignalKind.CoForward => new CoForwardSignal(),
        SignalKind.CoObject => new CoObjectSignal(),
        _ => null,
    };
}
