"""Word-level differences between two texts of a section, for people to read."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from interventures.richtext import plain_text


@dataclass(frozen=True)
class Chunk:
    """A run of words that is the same in both texts, only in the old one, or only in the new."""

    kind: str  # "same", "removed" or "added"
    text: str


def word_diff(old_html: str, new_html: str) -> list[Chunk]:
    old, new = plain_text(old_html).split(), plain_text(new_html).split()
    chunks = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            chunks.append(Chunk("same", " ".join(old[a_start:a_end])))
            continue
        if a_end > a_start:
            chunks.append(Chunk("removed", " ".join(old[a_start:a_end])))
        if b_end > b_start:
            chunks.append(Chunk("added", " ".join(new[b_start:b_end])))
    return chunks


def has_changes(chunks: list[Chunk]) -> bool:
    return any(chunk.kind != "same" for chunk in chunks)
