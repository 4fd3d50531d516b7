"""Check the site's configuration the way the build reads it: mkdocs.yml through MkDocs' own validation, and
the theme's templates (overrides/) through the theme's own Jinja environment.

The data and the pages are the engine's to check; a configuration the build refuses (an unknown Markdown
extension, a `nav:` that is not a list, a plugin that is not installed, a misspelt setting, which strict mode
refuses) or a template it cannot parse would make a passing `handbook check` a failing build. MkDocs is the
judge of its own configuration, so it is asked: the check runs its validation in a forked copy of itself,
on the other core, while the data is read (about half a second at any size).
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from pathlib import Path

from .problems import Problem

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)


def config_problems(root: Path | str, name: str = "mkdocs.yml") -> list[Problem]:
    """Every problem MkDocs would stop a strict build for in root/name, and every theme template it cannot parse."""
    root = Path(root)
    path = root / name
    if not path.is_file():
        return [Problem(name, 0, "", "required file is missing: restore it with `git checkout mkdocs.yml`")]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return [Problem(name, 0, "", f"cannot be read: {err}; save it as UTF-8 text")]
    import yaml

    from .config import _raw

    try:
        raw = _raw(path)
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        what = "; ".join(filter(None, [getattr(err, "context", None), getattr(err, "problem", None)]))
        return [Problem(name, mark.line + 1 if mark else 0, "", f"not valid YAML: {what or str(err).splitlines()[0]}")]
    except (OSError, UnicodeDecodeError) as err:  # an INHERIT'ed file that is missing or unreadable
        return [Problem(name, _line_of(text, "INHERIT"), "INHERIT", f"cannot be read: {err}")]
    if not isinstance(raw, dict):
        return [Problem(name, 1, "", "must be a mapping of settings (site_name: ..., nav: ...)")]
    logging.getLogger("mkdocs").disabled = True  # validation logs what it returns; it is reported once, here
    try:
        from mkdocs.config.defaults import MkDocsConfig

        config = MkDocsConfig(config_file_path=str(path))
        old = Path.cwd()
        os.chdir(root)  # relative paths (docs_dir, custom_dir, INHERIT) are the build's, from the project
        try:
            with path.open("rb") as handle:
                config.load_file(handle)
            errors, warnings = config.validate()
        finally:
            os.chdir(old)
    except Exception as err:  # MkDocs' own loading failed: say what it said
        return [Problem(name, 0, "", f"MkDocs cannot read it: {str(err).splitlines()[0] if str(err) else err!r}")]
    finally:
        logging.getLogger("mkdocs").disabled = False
    problems = [
        Problem(name, _line_of(text, key), key, _message(err)) for key, err in [*errors, *warnings]
    ]  # strict mode stops for a configuration warning too
    if not errors:
        problems += template_problems(config, root)
    return problems


def _message(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if text.endswith((".", "!", "?")) else text + "."


def _line_of(text: str, key: str) -> int:
    """The line of the top-level setting key (the last one: a setting given twice takes its last value)."""
    top = key.split(".")[0]
    found = [m for m in _KEY.finditer(text) if m.group(1) == top]
    return text.count("\n", 0, found[-1].start()) + 1 if found else 0


def template_problems(config, root: Path) -> list[Problem]:
    """Each template of the project's own theme folder (custom_dir) that the theme's Jinja cannot parse."""
    import jinja2

    theme = config.theme
    custom = getattr(theme, "custom_dir", None)
    if not custom:
        return []
    folder = (root / custom).resolve()
    if not folder.is_dir():
        return []
    env = theme.get_env()
    problems = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".j2", ".jinja"):
            continue
        shown = os.path.relpath(path, root).replace(os.sep, "/")
        try:
            source = path.read_text(encoding="utf-8")
            env.parse(source, path.name, str(path))
        except UnicodeDecodeError:
            problems.append(Problem(shown, 0, "", "is not UTF-8 text: save it as UTF-8"))
        except jinja2.TemplateSyntaxError as err:
            problems.append(
                Problem(
                    shown,
                    err.lineno or 0,
                    "",
                    f"template error: {_message(err)} Fix that line (`git diff {shown}` shows what changed)",
                )
            )
    return problems


class Later:
    """config_problems(root, name), worked out by a forked copy of this process while the caller goes on."""

    def __init__(self, root: Path | str, name: str = "mkdocs.yml", wanted: bool = True) -> None:
        self.args = (root, name)
        self.wanted = wanted
        self.pid = -1
        self.read_end = -1
        if wanted and hasattr(os, "fork"):
            self.read_end, write_end = os.pipe()
            self.pid = os.fork()
            if self.pid == 0:  # the copy: work it out, hand it over, leave at once
                os.close(self.read_end)
                try:
                    try:
                        data = pickle.dumps(config_problems(root, name))
                    except BaseException as err:  # noqa: BLE001 - anything at all is the parent's to report
                        data = pickle.dumps(err)
                    with os.fdopen(write_end, "wb") as out:
                        out.write(data)
                finally:
                    os._exit(0)
            os.close(write_end)

    def result(self) -> list[Problem]:
        if not self.wanted:
            return []
        if self.pid < 0:
            return config_problems(*self.args)
        with os.fdopen(self.read_end, "rb") as handle:
            data = handle.read()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        try:
            value = pickle.loads(data)
        except Exception:  # the copy died (killed, out of memory): do it here instead
            return config_problems(*self.args)
        if isinstance(value, BaseException):
            raise value
        return value
