"""Problems found in the data, collected so that every mistake in a file is reported together."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is (file and entry), what is wrong and how to fix it."""

    file: str
    entry: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}, {self.entry}: {self.message}. Fix: {self.fix}."


class DataError(Exception):
    """Raised when the data cannot be used; its message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, grouped by file, as one message a teacher can act on."""
        lines = [f"The guide's data has {_count(len(self.problems))}; nothing was built."]
        for file in dict.fromkeys(problem.file for problem in self.problems):
            in_file = [problem for problem in self.problems if problem.file == file]
            lines.append(f"{file} ({_count(len(in_file))}):")
            lines.extend(f"  - {problem}" for problem in in_file)
        return "\n".join(lines)


def _count(number: int) -> str:
    return f"{number} problem" if number == 1 else f"{number} problems"


@dataclass
class ProblemLog:
    """Collects problems for one file while it is checked."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, entry: str, message: str, fix: str) -> None:
        """Record a problem with ``entry`` (e.g. ``entry 'politburo'``)."""
        self.problems.append(Problem(self.file, entry, message, fix))
