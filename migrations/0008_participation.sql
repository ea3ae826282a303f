-- Participation: participatory processes and their phases, proposals with supports, threaded
-- comments, reports and moderation, answers, followers and in-app notifications, meetings with
-- registration, surveys, and accountability results with their milestones.

-- Similar proposals are found by trigram similarity of titles (pg_trgm is a trusted extension:
-- the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE participatory_process (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (char_length(description) <= 10000),
  description_html text NOT NULL,
  easy_read_summary text NOT NULL CHECK (char_length(easy_read_summary) <= 2000),
  project_link text NOT NULL CHECK (char_length(project_link) <= 500),
  participation_level text NOT NULL
    CHECK (participation_level IN ('inform', 'consult', 'involve', 'collaborate', 'empower')),
  -- 'signed_in': anyone signed in who can see the cluster; 'verified': people the cluster has given a
  -- role beyond the self-joined participant (see domain/participation/take-part.ts).
  who_may_take_part text NOT NULL CHECK (who_may_take_part IN ('signed_in', 'verified')),
  supports_per_person integer NOT NULL CHECK (supports_per_person BETWEEN 1 AND 1000),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id)
);
CREATE INDEX participatory_process_list_idx ON participatory_process (cluster_id, id DESC);

CREATE TABLE process_phase (
  cluster_id uuid NOT NULL,
  process_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('information', 'proposals', 'deliberation', 'voting', 'implementation')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  allows_propose boolean NOT NULL,
  allows_support boolean NOT NULL,
  allows_comment boolean NOT NULL,
  allows_vote boolean NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX process_phase_process_idx ON process_phase (cluster_id, process_id, starts_at);

CREATE TABLE proposal (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
  body_markdown text NOT NULL CHECK (char_length(body_markdown) <= 10000),
  body_html text NOT NULL,
  category text NOT NULL CHECK (char_length(category) <= 60),
  location_text text NOT NULL CHECK (char_length(location_text) <= 200),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  estimated_cost_cents bigint CHECK (estimated_cost_cents BETWEEN 0 AND 100000000000000),
  state text NOT NULL CHECK (state IN ('published', 'withdrawn', 'evaluating', 'accepted', 'rejected')),
  author_id uuid NOT NULL REFERENCES person (id),
  -- Kept on the row so lists sort by them through an index, without counting.
  support_count integer NOT NULL DEFAULT 0 CHECK (support_count >= 0),
  comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  answer_reasoning text NOT NULL DEFAULT '' CHECK (char_length(answer_reasoning) <= 5000),
  answer_input_effect text NOT NULL DEFAULT '' CHECK (char_length(answer_input_effect) <= 5000),
  answered_at timestamptz,
  answered_by uuid REFERENCES person (id) ON DELETE SET NULL,
  hidden_at timestamptz,
  hidden_reason text CHECK (hidden_reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
  hidden_note text NOT NULL DEFAULT '' CHECK (char_length(hidden_note) <= 1000),
  published_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
  CHECK (state NOT IN ('accepted', 'rejected') OR answer_input_effect <> ''),
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX proposal_newest_idx ON proposal (cluster_id, process_id, id DESC);
CREATE INDEX proposal_support_idx ON proposal (cluster_id, process_id, support_count DESC, id DESC);
CREATE INDEX proposal_title_trgm_idx ON proposal USING gin (title gin_trgm_ops);
CREATE INDEX proposal_author_idx ON proposal (author_id);

CREATE TABLE proposal_coauthor (
  cluster_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  invited_by uuid REFERENCES person (id) ON DELETE SET NULL,
  invited_at timestamptz NOT NULL,
  accepted_at timestamptz,
  PRIMARY KEY (cluster_id, proposal_id, person_id),
  FOREIGN KEY (cluster_id, proposal_id) REFERENCES proposal (cluster_id, id)
);
CREATE INDEX proposal_coauthor_person_idx ON proposal_coauthor (person_id);

CREATE TABLE proposal_support (
  cluster_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  process_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, proposal_id, person_id),
  FOREIGN KEY (cluster_id, proposal_id) REFERENCES proposal (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX proposal_support_person_idx ON proposal_support (cluster_id, person_id, proposal_id);

-- How many supports a person has given in a process: the row is upserted with the limit in its
-- WHERE clause, so two supports racing each other cannot pass the limit together.
CREATE TABLE process_supporter (
  cluster_id uuid NOT NULL,
  process_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  support_count integer NOT NULL CHECK (support_count >= 0),
  PRIMARY KEY (cluster_id, process_id, person_id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);

CREATE TABLE proposal_comment (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  parent_id uuid,
  -- The ids from the thread's root down to this comment, joined by '/': ids are time-ordered, so
  -- sorting by path gives each thread in order with replies under their parent, and pages by keyset.
  path text COLLATE "C" NOT NULL CHECK (char_length(path) <= 200),
  depth smallint NOT NULL CHECK (depth BETWEEN 0 AND 3),
  author_id uuid NOT NULL REFERENCES person (id),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
  alignment text NOT NULL CHECK (alignment IN ('for', 'against', 'neutral')),
  created_at timestamptz NOT NULL,
  hidden_at timestamptz,
  hidden_reason text CHECK (hidden_reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
  hidden_note text NOT NULL DEFAULT '' CHECK (char_length(hidden_note) <= 1000),
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, proposal_id) REFERENCES proposal (cluster_id, id),
  FOREIGN KEY (cluster_id, parent_id) REFERENCES proposal_comment (cluster_id, id)
);
CREATE INDEX proposal_comment_thread_idx ON proposal_comment (cluster_id, proposal_id, path);

CREATE TABLE content_report (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  comment_id uuid,
  reporter_id uuid NOT NULL REFERENCES person (id),
  reason text NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
  details text NOT NULL CHECK (char_length(details) <= 1000),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, proposal_id) REFERENCES proposal (cluster_id, id),
  FOREIGN KEY (cluster_id, comment_id) REFERENCES proposal_comment (cluster_id, id)
);
CREATE UNIQUE INDEX content_report_once_idx
  ON content_report (cluster_id, proposal_id, COALESCE(comment_id, proposal_id), reporter_id);
CREATE INDEX content_report_list_idx ON content_report (cluster_id, id DESC);

-- Who follows a proposal's thread or a result's timeline, to be told when it moves. One table for
-- both kinds of thing followed, so following works the same everywhere; the services check that the
-- thing exists in the cluster before anyone follows it.
CREATE TABLE participation_follower (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  target_kind text NOT NULL CHECK (target_kind IN ('proposal', 'result')),
  target_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, target_kind, target_id, person_id)
);

CREATE TABLE participation_notification (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  kind text NOT NULL CHECK (kind IN ('proposal_answered', 'comment_posted', 'coauthor_invited',
    'meeting_place_offered', 'result_updated')),
  process_id uuid NOT NULL,
  proposal_id uuid,
  result_id uuid,
  meeting_id uuid,
  -- What the notification says, frozen when it was made (a title, a state), so the list needs no joins.
  subject text NOT NULL CHECK (char_length(subject) <= 200),
  detail text NOT NULL CHECK (char_length(detail) <= 200),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX participation_notification_person_idx
  ON participation_notification (cluster_id, person_id, id DESC);

CREATE TABLE meeting (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  format text NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  address text NOT NULL CHECK (char_length(address) <= 300),
  online_url text NOT NULL CHECK (char_length(online_url) <= 500),
  agenda text NOT NULL CHECK (char_length(agenda) <= 10000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  capacity integer CHECK (capacity BETWEEN 1 AND 100000),
  registered_count integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
  minutes text NOT NULL DEFAULT '' CHECK (char_length(minutes) <= 20000),
  attendee_count integer CHECK (attendee_count BETWEEN 0 AND 1000000),
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (format = 'online' OR address <> ''),
  CHECK (format = 'in_person' OR online_url <> ''),
  CHECK (capacity IS NULL OR registered_count <= capacity),
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX meeting_process_idx ON meeting (cluster_id, process_id, starts_at, id);

CREATE TABLE meeting_registration (
  cluster_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  status text NOT NULL CHECK (status IN ('registered', 'waiting')),
  -- The waiting list's order: who asked first gets the next free place.
  requested_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, meeting_id, person_id),
  FOREIGN KEY (cluster_id, meeting_id) REFERENCES meeting (cluster_id, id)
);
CREATE INDEX meeting_registration_queue_idx ON meeting_registration (cluster_id, meeting_id, status, requested_at);

CREATE TABLE meeting_proposal (
  cluster_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  PRIMARY KEY (cluster_id, meeting_id, proposal_id),
  FOREIGN KEY (cluster_id, meeting_id) REFERENCES meeting (cluster_id, id),
  FOREIGN KEY (cluster_id, proposal_id) REFERENCES proposal (cluster_id, id)
);

CREATE TABLE survey (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (char_length(description) <= 5000),
  is_anonymous boolean NOT NULL,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
  response_count integer NOT NULL DEFAULT 0 CHECK (response_count >= 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX survey_process_idx ON survey (cluster_id, process_id, id DESC);

CREATE TABLE survey_question (
  cluster_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 49),
  kind text NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice', 'scale', 'short_text', 'long_text')),
  prompt text NOT NULL CHECK (char_length(prompt) BETWEEN 1 AND 500),
  options text[] NOT NULL CHECK (cardinality(options) <= 20),
  scale_min smallint,
  scale_max smallint,
  is_required boolean NOT NULL,
  CHECK ((kind = 'scale') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)),
  CHECK (scale_min IS NULL OR scale_max > scale_min),
  PRIMARY KEY (cluster_id, id),
  UNIQUE (cluster_id, survey_id, position),
  FOREIGN KEY (cluster_id, survey_id) REFERENCES survey (cluster_id, id)
);

-- One response per person: enforced here, apart from the response, so an anonymous response
-- carries no link to who gave it.
CREATE TABLE survey_participant (
  cluster_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (cluster_id, survey_id, person_id),
  FOREIGN KEY (cluster_id, survey_id) REFERENCES survey (cluster_id, id)
);

CREATE TABLE survey_response (
  cluster_id uuid NOT NULL,
  -- Random (not time-ordered) for anonymous surveys, and submitted_on is only the day, so neither
  -- can be matched with the order in which people answered.
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  person_id uuid REFERENCES person (id) ON DELETE SET NULL,
  submitted_on date NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, survey_id) REFERENCES survey (cluster_id, id)
);
CREATE INDEX survey_response_survey_idx ON survey_response (cluster_id, survey_id, id);

CREATE TABLE survey_answer (
  cluster_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id uuid NOT NULL,
  choices smallint[] NOT NULL DEFAULT '{}' CHECK (cardinality(choices) <= 20),
  scale_value smallint,
  text_value text NOT NULL DEFAULT '' CHECK (char_length(text_value) <= 5000),
  PRIMARY KEY (cluster_id, response_id, question_id),
  FOREIGN KEY (cluster_id, response_id) REFERENCES survey_response (cluster_id, id),
  FOREIGN KEY (cluster_id, question_id) REFERENCES survey_question (cluster_id, id)
);
CREATE INDEX survey_answer_question_idx ON survey_answer (cluster_id, question_id);

CREATE TABLE accountability_result (
  cluster_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
  easy_read_summary text NOT NULL DEFAULT '' CHECK (char_length(easy_read_summary) <= 2000),
  source_kind text NOT NULL CHECK (source_kind IN ('proposal', 'budget_project')),
  source_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  progress_percent smallint NOT NULL CHECK (progress_percent BETWEEN 0 AND 100),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  UNIQUE (cluster_id, source_kind, source_id),
  FOREIGN KEY (cluster_id, process_id) REFERENCES participatory_process (cluster_id, id)
);
CREATE INDEX accountability_result_process_idx ON accountability_result (cluster_id, process_id, id);

CREATE TABLE result_milestone (
  cluster_id uuid NOT NULL,
  result_id uuid NOT NULL,
  id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (char_length(description) <= 5000),
  happened_on date NOT NULL,
  evidence_text text NOT NULL CHECK (char_length(evidence_text) <= 2000),
  evidence_url text NOT NULL CHECK (char_length(evidence_url) <= 500),
  -- The result's status and progress as this milestone left them, so the timeline shows both.
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  progress_percent smallint NOT NULL CHECK (progress_percent BETWEEN 0 AND 100),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES person (id) ON DELETE SET NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, result_id) REFERENCES accountability_result (cluster_id, id)
);
CREATE INDEX result_milestone_timeline_idx ON result_milestone (cluster_id, result_id, happened_on, id);
