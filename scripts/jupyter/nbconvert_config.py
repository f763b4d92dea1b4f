# nbconvert config for scripts/run-notebooks.sh (passed with --config).
#
# tslab reports a failing cell with an empty execute_reply (no ename/evalue/traceback) and
# writes the actual error (a thrown Error's stack, or TypeScript diagnostics) to the cell's
# stderr stream. nbconvert's CellExecutionError message shows only the cell source, so this
# hook prints the failing cell's outputs to stderr before nbconvert aborts.
import sys


def _report_cell_error(cell=None, cell_index=None, execute_reply=None, **_kwargs):
    out = sys.stderr
    out.write("\n──── notebook cell %s failed; its outputs:\n" % (cell_index + 1 if cell_index is not None else "?"))
    for o in cell.get("outputs", []):
        kind = o.get("output_type")
        if kind == "stream":
            text = o.get("text", "")
            if isinstance(text, list):
                text = "".join(text)
            out.write("[%s] %s" % (o.get("name"), text if text.endswith("\n") else text + "\n"))
        elif kind == "error":
            out.write("%s: %s\n" % (o.get("ename"), o.get("evalue")))
            out.write("\n".join(o.get("traceback", [])) + "\n")
        else:
            data = o.get("data", {}).get("text/plain")
            if data:
                out.write("[%s] %s\n" % (kind, data if isinstance(data, str) else "".join(data)))
    out.write("────\n")
    out.flush()


c.ExecutePreprocessor.on_cell_error = _report_cell_error  # noqa: F821 (c is nbconvert's config)
