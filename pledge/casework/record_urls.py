"""Routes for the records on a case, all under /staff/cases/<pk>/ and carrying primary keys only."""

from django.urls import path

from pledge.casework import record_views

record_patterns = [
    path("<int:pk>/identity-checks/add/", record_views.record_identity_check, name="record_identity_check"),
    path("<int:pk>/evidence/add/", record_views.add_evidence, name="add_evidence"),
    path("<int:pk>/evidence/<int:evidence_pk>/", record_views.download_evidence, name="evidence"),
    path("<int:pk>/evidence/<int:evidence_pk>/delete/", record_views.delete_evidence, name="delete_evidence"),
    path("<int:pk>/attachments/add/", record_views.add_attachment, name="add_attachment"),
    path("<int:pk>/attachments/<int:attachment_pk>/", record_views.download_attachment, name="attachment"),
    path("<int:pk>/notes/add/", record_views.add_note, name="add_note"),
    path("<int:pk>/search-tasks/add/", record_views.add_search_task, name="add_search_task"),
    path("<int:pk>/search-tasks/from-activities/", record_views.create_search_tasks, name="create_search_tasks"),
    path("<int:pk>/search-tasks/<int:task_pk>/", record_views.search_task, name="search_task"),
]
