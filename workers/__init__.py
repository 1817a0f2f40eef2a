"""Workers: the RQ queue and its jobs, and the inbox watcher.

* ``workers.jobs.process_document(document_id)`` — the job (also run in-process by ``intake process``)
* ``workers.queue`` — enqueue, requeue, recovery of work a dead worker left behind
* ``workers.watcher.Watcher`` — takes stable drops from ``inbox/<channel>/``
* ``workers.worker.run_worker`` — ``intake worker``
"""
