;;; eglot-smoke.el --- drive eglot + glossary serve headless  -*- lexical-binding: t -*-
;; Loaded after the init.el taken from docs/SERVER.md; GLOSSARY_SMOKE_DIR is a copy of content/.
;; Prints the hover contentFormat eglot sends, two hovers (eldoc) and the flymake diagnostics.

(defvar smoke-dir (file-name-as-directory (getenv "GLOSSARY_SMOKE_DIR")))

(defun smoke-wait (what pred &optional seconds)
  "Pump process output until PRED returns non-nil; die after SECONDS naming WHAT."
  (let ((deadline (+ (float-time) (or seconds 60))) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or value (progn (message "TIMEOUT waiting for %s" what) (kill-emacs 1)))))

(defun smoke-visit (file)
  "Visit FILE as a user would: show it and let eglot-ensure connect on the next command."
  (switch-to-buffer (find-file-noselect (expand-file-name file smoke-dir)))
  (run-hooks 'post-command-hook)
  (smoke-wait "eglot" (lambda () (bound-and-true-p eglot--managed-mode)))
  (message "%s: %s, managed by %s, workspace %s" file major-mode
           (eglot--project-nickname (eglot-current-server))
           (abbreviate-file-name (project-root (eglot--project (eglot-current-server))))))

(defun smoke-hover (line col)
  "Move to LINE (1-based) and COL (0-based) and print what eldoc's hover function shows."
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char col)
  (let (doc)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info "<empty>"))))
    (smoke-wait "hover" (lambda () doc))
    (message "hover at %d:%d (%s):\n%s" line col
             (buffer-substring-no-properties (point) (min (point-max) (+ (point) 6))) (smoke-visible doc))))

(defun smoke-visible (string)
  "STRING without the characters the echo area hides (markup that gfm-view-mode makes invisible)."
  (let ((i 0) (out ""))
    (while (< i (length string))
      (let ((next (next-single-property-change i 'invisible string (length string))))
        (unless (get-text-property i 'invisible string)
          (setq out (concat out (substring-no-properties string i next))))
        (setq i next)))
    out))

(defun smoke-print-diagnostics (&optional limit)
  "Print LIMIT (default all) flymake diagnostics of the buffer in position order, columns in characters."
  (dolist (d (seq-take (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))
                       (or limit most-positive-fixnum)))
    (let ((beg (flymake-diagnostic-beg d)))
      (message "flymake %d:%d %s %s" (line-number-at-pos beg)
               (save-excursion (goto-char beg) (- beg (line-beginning-position)))
               (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))

(smoke-visit "glossary/transfer-learning.md")
(message "client hover contentFormat: %S"
         (plist-get (plist-get (plist-get (eglot-client-capabilities (eglot-current-server))
                                          :textDocument) :hover) :contentFormat))
(smoke-hover 5 3)

(smoke-visit "articles/transfer-learning-intro.md")
(smoke-hover 15 40)
(flymake-start)
(smoke-wait "diagnostics" #'flymake-diagnostics)
(smoke-print-diagnostics)

;; The settings example of docs/SERVER.md: unlinked mentions as information.
(setq-default eglot-workspace-configuration
              '((:glossary . (:unlinkedMentions t :rules (:unlinked-mention "information")))))
(eglot-signal-didChangeConfiguration (eglot-current-server))
(smoke-wait "unlinked-mention diagnostics" (lambda () (> (length (flymake-diagnostics)) 1)))
(message "after eglot-workspace-configuration: %d diagnostics, the first two:" (length (flymake-diagnostics)))
(smoke-print-diagnostics 2)
(eglot-shutdown (eglot-current-server))
(kill-emacs 0)
