"""How a failed read in any worker ends the app: with the store's reason on one line, as the command line would."""

from __future__ import annotations

from rich.text import Text
from textual.worker import Worker, WorkerState

from parlertui.store.open import StoreError


class ReportsStoreErrors:
    """For widgets and screens whose workers read the store. A StoreError ends the app with exit code 2 and its
    message; any other error is a bug and is raised as such."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if not isinstance(error, StoreError):
            raise error  # type: ignore[misc]  # an error of state ERROR is an exception; Worker types it as any value
        # a mixin for widgets and screens, which have an app
        self.app.exit(return_code=2, message=Text(f"parlertui: {error}"))  # type: ignore[attr-defined]
