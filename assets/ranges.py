"""HTTP byte ranges (RFC 9110 §14): the one range of a file a request asks for, if any.

Podcast apps and browsers' audio players seek with ``Range: bytes=start-end`` and refuse a
server that answers 200 with the whole file. One range is honoured; a request for several
gets the whole file, which RFC 9110 allows and every player accepts.
"""

import re
from dataclasses import dataclass

# One range spec: first-last, first- or -suffix, in ASCII digits only (int() takes others).
_RANGE_SPEC = re.compile(r"\s*(\d*)-(\d*)\s*", re.ASCII)


class RangeNotSatisfiableError(Exception):
    """The range starts past the end of the file (answered 416)."""


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, *, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


def byte_range_parse(*, header: str, size: int) -> ByteRange | None:
    """The range ``header`` asks for within a file of ``size`` bytes.

    None means "send the whole file": no header, another unit, several ranges, or a malformed
    header (RFC 9110 says to ignore those). Raises RangeNotSatisfiableError for a well-formed range
    that holds no byte of the file.
    """
    unit, _, ranges = header.partition("=")
    if unit.strip().lower() != "bytes" or not ranges or "," in ranges:
        return None
    spec = _RANGE_SPEC.fullmatch(ranges)
    if spec is None:
        return None
    first, last = spec.groups()
    try:
        if first == "":
            if last == "":
                return None
            suffix = int(last)
            if suffix == 0 or size == 0:
                raise RangeNotSatisfiableError
            return ByteRange(start=max(size - suffix, 0), end=size - 1)
        start = int(first)
        end = int(last) if last else None
    except ValueError:
        # More digits than Python converts (sys.get_int_max_str_digits): not a real request.
        return None
    if end is None:
        end = size - 1
    elif end < start:
        return None
    if start >= size:
        raise RangeNotSatisfiableError
    return ByteRange(start=start, end=min(end, size - 1))
